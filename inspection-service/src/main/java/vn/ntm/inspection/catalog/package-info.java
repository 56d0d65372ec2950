/**
 * The copy of the published criteria sets, fed by {@code ntm.criteria-set.published} and read through from
 * criteria-service on a miss.
 */
package vn.ntm.inspection.catalog;
