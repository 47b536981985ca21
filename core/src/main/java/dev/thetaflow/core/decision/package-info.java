/** Rule decisions about strategies and the priority order in which they are arbitrated. */
package dev.thetaflow.core.decision;
