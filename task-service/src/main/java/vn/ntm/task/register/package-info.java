/**
 * The copy of the administrative-unit register and its lookups, and the succession that moves open work to the
 * successor units, with its scheduler; the consumer of {@code criteria-reference}, which also feeds the catalog
 * copy of {@code rules}.
 */
package vn.ntm.task.register;
