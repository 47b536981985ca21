/** Alerts for people: what happened, how bad, and which strategy it concerns. */
package dev.thetaflow.core.alert;
