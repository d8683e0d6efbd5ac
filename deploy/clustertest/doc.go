// Package clustertest checks cluster mode on a real ClickHouse cluster: two
// 18.16 servers, each a shard, and ZooKeeper, which
// scripts/clickhouse-test-cluster.sh starts on loopback (make test does).
// The same generated data is loaded into one server and into the cluster,
// and every dashboard answer must be the same on both. See docs/scaling.md.
package clustertest
