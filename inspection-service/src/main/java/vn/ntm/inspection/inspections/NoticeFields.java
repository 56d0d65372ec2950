package vn.ntm.inspection.inspections;

import java.util.List;

/**
 * The notice's own fields (issue 25): number and symbol, place of issue, signer and "Nơi nhận"; each may be null
 * (recipients empty), the notice then shows "…".
 */
public record NoticeFields(String number, String place, Signer signer, List<String> recipients) {
}
