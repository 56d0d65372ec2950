/**
 * Regions, provinces and sectors ({@code /regions}, {@code /provinces}, {@code /sectors}), and
 * {@code ntm.sectors.changed}.
 */
package vn.ntm.criteria.reference;
