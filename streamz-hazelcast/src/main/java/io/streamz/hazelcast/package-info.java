/**
 * The Hazelcast engine of distributed streams: {@link io.streamz.hazelcast.HazelcastEngine} (an
 * embedded member, a client, or an instance of yours) and {@link io.streamz.hazelcast.HazelcastMember}
 * (a member process to start on each machine).
 */
package io.streamz.hazelcast;
