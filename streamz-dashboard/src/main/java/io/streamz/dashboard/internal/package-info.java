/**
 * The dashboard's server side: chart feeds, snapshots and routes. Not API.
 */
package io.streamz.dashboard.internal;
