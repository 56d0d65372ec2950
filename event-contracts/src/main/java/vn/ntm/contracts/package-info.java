/**
 * The integration events the services exchange: framework-free records, topic names, CloudEvents header names, and
 * their JSON Schemas, AsyncAPI documents and golden files (resources).
 */
package vn.ntm.contracts;
