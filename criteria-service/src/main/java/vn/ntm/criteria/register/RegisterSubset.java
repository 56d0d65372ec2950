package vn.ntm.criteria.register;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The part of the bundled register that belongs to some provinces: their units (with the districts and communes
 * below them, in either register) and the successions between kept units. Test stacks seed only what their tests
 * use ({@code ntm.register.seed-provinces}); every other start seeds the whole register. Codes are looked up in the
 * register they belong to: 06475 is Xã Gia Lộc before 2025-07-01 and Xã Bằng Mạc after.
 */
public final class RegisterSubset {
    private final Set<String> provinces;

    /** A units file cut down, and the codes it kept. */
    public record Units(String csv, Set<String> codes) {
    }

    public RegisterSubset(Set<String> provinces) {
        this.provinces = Set.copyOf(provinces);
    }

    /** The rows of a units file ({@code level,code,name,type,parent_code}) under the chosen provinces. */
    public Units units(String csv) {
        CsvTable table = CsvTable.parse(csv);
        int level = table.header().indexOf("level");
        int code = table.header().indexOf("code");
        int parent = table.header().indexOf("parent_code");
        Set<String> here = new HashSet<>();
        // parents come before their children in the files, but do not rely on it: repeat until nothing is added
        boolean added = true;
        while (added) {
            added = false;
            for (CsvTable.Row row : table.rows()) {
                String c = row.fields().get(code);
                if (here.contains(c)) {
                    continue;
                }
                boolean keep = "province".equals(row.fields().get(level)) ? provinces.contains(c)
                        : here.contains(row.fields().get(parent));
                if (keep) {
                    here.add(c);
                    added = true;
                }
            }
        }
        return new Units(filter(csv, table, row -> here.contains(row.fields().get(code))), Set.copyOf(here));
    }

    /**
     * The rows of a succession file ({@code old_code,…,new_code,…}) from a unit kept in the register before to one
     * kept in the register after (a code means different units in the two registers).
     */
    public static String successions(String csv, Units before, Units after) {
        CsvTable table = CsvTable.parse(csv);
        int oldCode = table.header().indexOf("old_code");
        int newCode = table.header().indexOf("new_code");
        return filter(csv, table, row -> before.codes().contains(row.fields().get(oldCode))
                && after.codes().contains(row.fields().get(newCode)));
    }

    private static String filter(String csv, CsvTable table, java.util.function.Predicate<CsvTable.Row> keep) {
        String[] lines = csv.split("\n", -1);
        List<String> out = new ArrayList<>();
        out.add(lines[0]);
        for (CsvTable.Row row : table.rows()) {
            if (keep.test(row)) {
                // the bundled files have one row per line and no quoted line breaks: row n is line n
                out.add(lines[row.number() - 1]);
            }
        }
        return String.join("\n", out) + "\n";
    }
}
