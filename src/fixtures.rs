//! Filled-in reports for tests, benchmarks and e2e.
