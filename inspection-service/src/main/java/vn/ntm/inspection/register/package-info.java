/**
 * The copies of criteria-service's administrative-unit register and sector list, the consumer of
 * {@code criteria-reference} that feeds them and the catalog copy, and the 503 while a copy has not arrived.
 */
package vn.ntm.inspection.register;
