package vn.ntm.inspection.inspections;

import java.time.LocalDate;

/** A document the inspection was carried out under (plan number, date, issuer, title). */
public record LegalBasis(String number, LocalDate issuedOn, String issuer, String title) {
}
