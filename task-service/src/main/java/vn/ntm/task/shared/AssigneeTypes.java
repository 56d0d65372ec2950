package vn.ntm.task.shared;

import vn.ntm.contracts.OrganisationType;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The organisation types a task's assignee may have: the contract's four ({@link OrganisationType}) and
 * {@link #GENERIC}, the organisation an inspection names without a type the rules know (the provincial Youth Union,
 * a district's NTM working group). A task's type is data (a text column; claims are {@code TYPE:code} whatever the
 * type), so work for such an organisation is never dropped (README "Organisation types").
 */
public final class AssigneeTypes {
    /** Any other organisation (tổ chức khác); code as the inspection gave it, else derived from its name. */
    public static final String GENERIC = "TO_CHUC";
    /** The types the work list filters by, in any case; empty = absent. */
    public static final String FILTER_PATTERN = "(?i)(|UBND_XA|UBND_HUYEN|SO_NGANH|VP_DIEU_PHOI|TO_CHUC)";
    public static final List<String> ALL = Stream.concat(Arrays.stream(OrganisationType.values()).map(Enum::name),
            Stream.of(GENERIC)).toList();

    private AssigneeTypes() {
    }

    /** Whether {@code type} is one of the contract's organisation types. */
    public static boolean isContractType(String type) {
        return type != null && Arrays.stream(OrganisationType.values()).anyMatch(t -> t.name().equals(type));
    }
}
