package vn.ntm.contracts;

/** A province, district or commune, identified by its official code; the name is as it was when recorded. */
public record AdminUnit(String code, String name) {
}
