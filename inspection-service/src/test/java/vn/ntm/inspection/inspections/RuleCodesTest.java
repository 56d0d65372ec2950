package vn.ntm.inspection.inspections;

import org.junit.jupiter.api.Test;
import vn.ntm.platform.http.ProblemCode;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.http.ServiceException.FieldError;
import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.platform.i18n.Messages;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A 422 of broken rules carries the code of its first error's rule; every rule named has its message. */
class RuleCodesTest {
    private static final LocalizedText DETAIL = LocalizedText.of("inspection.create.invalid", "x");

    @Test
    void everyRuleWithACodeIsAMessageOfTheCatalogInBothLanguages() {
        RuleCodes.BY_MESSAGE.forEach((key, code) -> {
            assertThat(Messages.pattern(key, Messages.VIETNAMESE)).as(key).isNotNull();
            assertThat(Messages.pattern(key, Messages.ENGLISH)).as(key).isNotNull();
            assertThat(code.statuses()).as(key).contains(422);
        });
    }

    @Test
    void theCodeIsTheFirstErrorsAndValidationWhenItsRuleHasNone() {
        ServiceException refusal = RuleCodes.invalid(DETAIL, List.of(
                FieldError.of("communes[0].code", "inspection.scope.noUnit", "xã", "06490", "01/03/2026"),
                FieldError.of("communes[1].code", "inspection.create.communeTwice", "06490")));
        assertThat(refusal.status()).isEqualTo(422);
        assertThat(refusal.code()).isEqualTo(ProblemCode.UNIT_NOT_VALID_ON_DATE.name());
        assertThat(RuleCodes.invalid(DETAIL, List.of(FieldError.of("title", "inspection.findings.result"))).code())
                .isEqualTo("VALIDATION");
    }
}
