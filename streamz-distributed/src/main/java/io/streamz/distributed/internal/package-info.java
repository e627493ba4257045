/**
 * Implementation of {@link io.streamz.distributed.DistributedStream}'s nodes and tasks. Not API.
 */
package io.streamz.distributed.internal;
