/** Test-scope assertions on platform-http's answers that the services' tests share. */
package vn.ntm.platform.http.testing;
