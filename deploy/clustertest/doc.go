// Package clustertest checks cluster mode on a real ClickHouse cluster: three
// 18.16 servers forming two shards, one of them with two replicas, and
// ZooKeeper, which scripts/clickhouse-test-cluster.sh starts on loopback
// (make test does).
// The same generated data is loaded into one server and into the cluster,
// and every dashboard answer must be the same on both. See docs/scaling.md.
package clustertest
