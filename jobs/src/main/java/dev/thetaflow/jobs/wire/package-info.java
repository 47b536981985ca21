/**
 * Compact serializers for the records that cross the network on every quote (broker events into the
 * router, strategy inputs into the strategies): a tag byte and the fields, no class names, no
 * reflection. Anything else falls back to Kryo inside the same serializer.
 */
package dev.thetaflow.jobs.wire;
