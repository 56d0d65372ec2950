package vn.ntm.inspection.inspections;

import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.inspection.inspections.Views.CommuneView;
import vn.ntm.inspection.inspections.Views.InspectionView;

/** The {@code ntm.inspection.finalized} snapshot of a finalized inspection. */
public final class FinalizedEvent {

    public static InspectionFinalized of(InspectionView v) {
        return new InspectionFinalized(InspectionFinalized.SCHEMA_VERSION, v.id().toString(), v.title(),
                v.inspectedOn(), v.registerDate(), v.finalizedAt(), v.leadAgency(),
                v.legalBasis().stream().map(l -> new InspectionFinalized.LegalBasis(l.number(), l.issuedOn(),
                        l.issuer(), l.title())).toList(),
                v.participants(), v.province(), v.district(),
                v.communes().stream().map(FinalizedEvent::commune).toList(),
                v.recommendations().stream().map(r -> new InspectionFinalized.Recommendation(r.id().toString(),
                        r.assignee(), r.communeCode(), r.registerDate(), r.content(), r.deadline())).toList(),
                v.statedFigures() == null || v.statedFigures().isEmpty() ? null : v.statedFigures());
    }

    private static InspectionFinalized.Commune commune(CommuneView c) {
        return new InspectionFinalized.Commune(c.code(), c.name(), c.registerDate(), c.criteriaSet(), c.targetTier(), c.targetYear(),
                new InspectionFinalized.Summary(c.summary().met(), c.summary().notMet(), c.summary().notAssessed(),
                        c.summary().total()),
                c.findings().stream().map(f -> new InspectionFinalized.Finding(f.criterion(), f.criterionName(),
                        f.result(), f.note(), f.remedy(), f.deadline(), f.sectors(), f.responsible(), f.registerDate()))
                        .toList(),
                c.statedMet());
    }

    private FinalizedEvent() {
    }
}
