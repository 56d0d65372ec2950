/**
 * The HTTP edge every service shares: problem+json for every error, strict JSON, request limits, typed query
 * parameters and the word splitting of searches.
 */
package vn.ntm.platform.http;
