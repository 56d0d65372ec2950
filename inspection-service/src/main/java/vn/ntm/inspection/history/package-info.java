/** A commune's history across finalized inspections ({@code GET /communes/{code}/history}). */
package vn.ntm.inspection.history;
