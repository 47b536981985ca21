/** JSON configuration shared by every module that (de)serialises domain records. */
package dev.thetaflow.core.json;
