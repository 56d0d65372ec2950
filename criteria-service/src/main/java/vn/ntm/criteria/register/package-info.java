/**
 * The register of administrative units ({@code /admin-units}): validity, succession, CSV imports, the seed, commune
 * flags, and {@code ntm.admin-units.changed}.
 */
package vn.ntm.criteria.register;
