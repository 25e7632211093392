package io.jenkins.plugins.codescoring.simulator;

/**
 * The webhook sender's counters since the simulator started.
 *
 * @param events events queued
 * @param batches batches formed (each becomes one POST, or none when lost, two when duplicated)
 * @param posts POSTs made, retries and duplicates included
 * @param delivered POSTs answered 2xx
 * @param failed POSTs answered otherwise or not at all
 * @param givenUp copies of batches dropped after the last attempt failed
 * @param faulted batches a fault was applied to
 */
public record WebhookCounts(int events, int batches, int posts, int delivered, int failed, int givenUp, int faulted) {}
