/**
 * Instruments, venue-neutral: {@link dev.thetaflow.core.instrument.Contract} and its kinds. An
 * adapter (ib-source) maps its wire contracts onto these; nothing here knows a broker.
 */
package dev.thetaflow.core.instrument;
