package vn.ntm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Real administrative units for the benchmark's inspections: inspection-service refuses codes that are not in the
 * register on the inspection date, so the load is built from the register files criteria-service seeds itself with:
 * {@code units-2025-03.csv} (valid until 2025-06-30, when districts still existed: every task of such an inspection
 * finalized today is created for the successor of a ceased unit) or {@code units-2025-07.csv} (today's units, no
 * districts: no task needs a successor).
 */
final class Register {
    static final String FILE = "criteria-service/src/main/resources/admin-units/units-2025-03.csv";
    static final String TODAY_FILE = "criteria-service/src/main/resources/admin-units/units-2025-07.csv";

    record Unit(String code, String name) {
    }

    /** Communes (type Xã, the units the NTM commune criteria are for) of one district (null in today's units). */
    record Group(Unit province, Unit district, List<Unit> communes) {
    }

    private final List<Group> districts;
    private final boolean today;

    private Register(List<Group> districts, boolean today) {
        this.districts = districts;
        this.today = today;
    }

    /** True for today's units (from 2025-07-01): no districts, communes directly under their province. */
    boolean today() {
        return today;
    }

    static Register load(Path root) {
        return load(root, FILE, false);
    }

    /** Today's units: communes grouped by province instead of district. */
    static Register loadToday(Path root) {
        return load(root, TODAY_FILE, true);
    }

    private static Register load(Path root, String name, boolean today) {
        Path file = root.resolve(name);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the register file " + file, e);
        }
        Map<String, Unit> provinces = new LinkedHashMap<>();
        Map<String, String> provinceOfDistrict = new LinkedHashMap<>();
        Map<String, Unit> districtUnits = new LinkedHashMap<>();
        Map<String, List<Unit>> communesOfDistrict = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            // level,code,name,type,parent_code (no quoting in this file)
            String[] f = line.split(",", -1);
            Unit unit = new Unit(f[1], f[2]);
            switch (f[0]) {
                case "province" -> provinces.put(f[1], unit);
                case "district" -> {
                    districtUnits.put(f[1], unit);
                    provinceOfDistrict.put(f[1], f[4]);
                }
                case "commune" -> {
                    if (f[3].equals("Xã")) {
                        communesOfDistrict.computeIfAbsent(f[4], k -> new ArrayList<>()).add(unit);
                    }
                }
                default -> throw new IllegalStateException("unknown level in " + file + ": " + line);
            }
        }
        List<Group> groups = new ArrayList<>();
        communesOfDistrict.forEach((parent, communes) -> groups.add(today
                ? new Group(provinces.get(parent), null, List.copyOf(communes))
                : new Group(provinces.get(provinceOfDistrict.get(parent)), districtUnits.get(parent),
                List.copyOf(communes))));
        if (groups.isEmpty()) {
            throw new IllegalStateException("no communes in " + file);
        }
        return new Register(groups, today);
    }

    /**
     * Every run of {@code size} consecutive communes of one district, so that each inspection has exactly
     * {@code size} communes and yields the same number of tasks (a district's remainder is left out).
     */
    List<Group> inspectionsOf(int size) {
        List<Group> out = new ArrayList<>();
        for (Group d : districts) {
            for (int from = 0; from + size <= d.communes().size(); from += size) {
                out.add(new Group(d.province(), d.district(), d.communes().subList(from, from + size)));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no district of the register has " + size + " communes");
        }
        return out;
    }
}
