/**
 * The criteria sets ({@code /criteria-sets}, {@code /criteria}): versions, groups, criteria, indicators, thresholds,
 * the publish rules and evaluation, search, and {@code ntm.criteria-set.published}.
 */
package vn.ntm.criteria.sets;
