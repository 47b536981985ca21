/**
 * Notifications: alerts sent to people over a webhook or e-mail. {@link
 * dev.thetaflow.sinks.notify.NotificationPolicy} decides what is sent (severity floor, dedup
 * window, rate limit with a summary of what it held back); the {@link
 * dev.thetaflow.sinks.notify.Notifier}s deliver; {@link
 * dev.thetaflow.sinks.notify.NotificationSink} runs both in a Flink job, off the task thread, so
 * that a notification outage never slows or stops trading.
 */
package dev.thetaflow.sinks.notify;
