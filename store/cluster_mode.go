package store

import (
	"context"
	"errors"
	"fmt"
	"net"
	"regexp"
	"strconv"
	"strings"

	"github.com/ClickHouse/clickhouse-go/v2"
)

// This file is what changes at run time when the store spreads its tables
// over a ClickHouse cluster (Location.Cluster; the DDL is in cluster.go).
// Reads and inserts need nothing here: they name the Distributed tables.
// Publishing an ingest does, because a partition can only be attached
// table to table on one server: staging gets a local and a Distributed
// table too, and each shard attaches its own part of the staged rows.

// checkCluster makes sure the server knows the cluster, so that a typo
// fails at once with the names it does know.
func checkCluster(ctx context.Context, admin *server, loc Location) error {
	res, err := admin.read(ctx, "SELECT DISTINCT cluster FROM system.clusters ORDER BY cluster")
	if err != nil {
		return fmt.Errorf("listing the clusters ClickHouse at %s knows: %w", loc.Addr, explainUnreachable(ctx, loc.Addr, err))
	}
	var known []string
	for _, r := range res.Rows {
		if r[0].(string) == loc.Cluster {
			return nil
		}
		known = append(known, r[0].(string))
	}
	if len(known) == 0 {
		return fmt.Errorf("ClickHouse at %s defines no cluster, so it cannot hold Uptake's tables ON CLUSTER %s; define the cluster in its remote_servers (see docs/scaling.md) or remove the cluster setting to use this server alone", loc.Addr, loc.Cluster)
	}
	return fmt.Errorf("ClickHouse at %s has no cluster %q in its remote_servers; it knows %s; check the cluster setting", loc.Addr, loc.Cluster, strings.Join(known, ", "))
}

// explainClusterDDL says what to do when a statement ON CLUSTER timed out:
// a node did not take it within distributed_ddl_task_timeout (180 s unless
// the servers' profile says otherwise), usually because it is down. (The
// setting is not sent from here: an 18.16 server reads a number given for
// it over the native protocol as half that number.) The statement is
// queued for that node, which runs it when it is back.
func explainClusterDDL(cluster, sql string, err error) error {
	var ex *clickhouse.Exception
	if cluster == "" || !errors.As(err, &ex) || ex.Code != 159 || !strings.Contains(sql, " ON CLUSTER ") {
		return err
	}
	return fmt.Errorf("a node of cluster %s did not apply a schema change in time (%s); creating tables and databases needs every node of the cluster up, ingests included (they create their staging tables on every node), while pages and reports need one replica of each shard. Check the nodes that system.clusters lists, then run the command again: %w", cluster, ex.Message, err)
}

// Cluster is the ClickHouse cluster the store's tables are spread over,
// "" when they live on one server (or chDB).
func (s *Store) Cluster() string { return s.loc.Cluster }

// localTable is where a cluster keeps the rows of table (its Distributed
// face keeps none).
func localTable(table string) string { return table + "_local" }

// createClusterStaging creates staging as a replicated local table on every
// node, shaped and keyed like table's, and a Distributed table over it with
// table's sharding key, so staged rows land on the shard that will hold them.
func (s *Store) createClusterStaging(ctx context.Context, table, staging string) error {
	res, err := s.eng.query(ctx, "SELECT name, engine_full FROM system.tables WHERE database = currentDatabase() AND name IN ("+
		quoteString(table)+", "+quoteString(localTable(table))+")")
	if err != nil {
		return fmt.Errorf("reading the engines of %s: %w", table, err)
	}
	engines := map[string]string{}
	for _, r := range res.Rows {
		engines[r[0].(string)] = r[1].(string)
	}
	local, dist := engines[localTable(table)], engines[table]
	if local == "" || !strings.HasPrefix(dist, "Distributed(") {
		return fmt.Errorf("table %s is not laid out for cluster %s (no %s, or %s is not Distributed); run uptake migrate with the cluster setting on a new database", table, s.loc.Cluster, localTable(table), table)
	}
	// The replication path names the table; staging needs a path of its own.
	path := "/" + s.loc.Database + "/" + localTable(table) + "'"
	if !strings.Contains(local, path) {
		return fmt.Errorf("table %s has the engine %s, not the replicated one uptake migrate writes", localTable(table), local)
	}
	local = strings.Replace(local, path, "/"+s.loc.Database+"/"+localTable(staging)+"'", 1)
	dist = strings.Replace(dist, ", "+localTable(table)+",", ", "+localTable(staging)+",", 1)
	on, db := " ON CLUSTER "+s.loc.Cluster, s.loc.Database+"."
	if err := s.eng.exec(ctx, "CREATE TABLE "+db+localTable(staging)+on+" AS "+db+localTable(table)+" ENGINE = "+local); err != nil {
		return fmt.Errorf("creating staging table %s on cluster %s: %w", localTable(staging), s.loc.Cluster, err)
	}
	if err := s.eng.exec(ctx, "CREATE TABLE "+db+staging+on+" AS "+db+localTable(staging)+" ENGINE = "+dist); err != nil {
		return fmt.Errorf("creating staging table %s on cluster %s: %w", staging, s.loc.Cluster, err)
	}
	return nil
}

// moveClusterRows attaches, on one replica of every shard, the partitions
// of that shard's staged rows to table's local table; replication copies
// them to the shard's other replicas. Each shard's attach is atomic; a
// failure between shards leaves the earlier shards published, which the
// ingest reports (its rerun replaces the same rows, by key).
//
// The staged rows may have gone to another replica of the shard than the
// one attaching them, and the replicas that did not attach fetch the parts
// a moment later: SYSTEM SYNC REPLICA waits for both, so no staged row is
// left behind and a read just after the ingest finds every row on any
// replica.
func (s *Store) moveClusterRows(ctx context.Context, staging, table string) ([]string, error) {
	shards, err := s.shardNodes(ctx)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var ids []string
	for _, replicas := range shards {
		attached, on, err := s.attachShard(ctx, replicas, staging, table)
		for _, id := range attached {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
		if err != nil {
			return ids, err
		}
		if err := s.syncReplicas(ctx, replicas, on, localTable(table)); err != nil {
			return ids, err
		}
	}
	return ids, nil
}

// attachShard attaches one shard's staged partitions on the first of its
// replicas that answers, once that replica holds every staged row. It
// returns the partitions attached and the replica's address.
func (s *Store) attachShard(ctx context.Context, replicas []string, staging, table string) ([]string, string, error) {
	node, err := s.dialFirst(ctx, replicas)
	if err != nil {
		return nil, "", err
	}
	defer node.close()
	if err := node.exec(ctx, "SYSTEM SYNC REPLICA "+s.loc.Database+"."+localTable(staging)); err != nil {
		return nil, node.addr, fmt.Errorf("waiting for %s to hold every staged row: %w", node.addr, err)
	}
	res, err := node.read(ctx, "SELECT DISTINCT partition_id FROM system.parts WHERE database = currentDatabase() AND table = "+
		quoteString(localTable(staging))+" AND active ORDER BY partition_id")
	if err != nil {
		return nil, node.addr, fmt.Errorf("listing the staged partitions on %s: %w", node.addr, err)
	}
	var ids []string
	for _, r := range res.Rows {
		id := r[0].(string)
		if err := node.exec(ctx, "ALTER TABLE "+localTable(table)+" ATTACH PARTITION ID "+quoteString(id)+" FROM "+localTable(staging)); err != nil {
			return ids, node.addr, fmt.Errorf("attaching partition %s of %s to %s on %s: %w", id, staging, table, node.addr, err)
		}
		ids = append(ids, id)
	}
	return ids, node.addr, nil
}

// syncClusterReplicas waits until every replica of every shard that has
// several holds what was just inserted into table. An insert through a
// Distributed table writes to one replica of each shard, which is not
// always the one the next read asks (an INSERT … SELECT ignores the
// load_balancing of its SELECT's SETTINGS, and a batch insert carries no
// SETTINGS); without this, a page could miss rows for a moment.
func (s *Store) syncClusterReplicas(ctx context.Context, table string) error {
	if s.loc.Cluster == "" || table == "" { // "": not an insert (insertTarget)
		return nil
	}
	shards, err := s.shardNodes(ctx)
	if err != nil {
		return err
	}
	for _, replicas := range shards {
		if len(replicas) > 1 {
			if err := s.syncReplicas(ctx, replicas, "", localTable(table)); err != nil {
				return err
			}
		}
	}
	return nil
}

// insertTarget is the table an INSERT statement writes to, "" for other statements.
func insertTarget(sql string) string {
	m := insertInto.FindStringSubmatch(stripComments(sql))
	if m == nil {
		return ""
	}
	return m[1]
}

var insertInto = regexp.MustCompile(`(?i)^INSERT\s+INTO\s+(\w+)`)

// syncReplicas waits until every replica of a shard but the one named has
// fetched what was attached to table there. A replica that does not answer
// is skipped: it catches up when it is back, and reads go to the first
// replica that answers (load_balancing = 'in_order', see clusterSQL).
func (s *Store) syncReplicas(ctx context.Context, replicas []string, except, table string) error {
	for _, addr := range replicas {
		if addr == except {
			continue
		}
		node, err := s.dialNode(ctx, addr)
		if err != nil {
			continue
		}
		err = node.exec(ctx, "SYSTEM SYNC REPLICA "+s.loc.Database+"."+table)
		node.close()
		if err != nil {
			return fmt.Errorf("waiting for replica %s to fetch the new rows of %s: %w", addr, table, err)
		}
	}
	return nil
}

// shardNodes lists each shard's replicas (native-protocol host:port), in
// shard order, as the server's remote_servers defines the cluster.
func (s *Store) shardNodes(ctx context.Context) ([][]string, error) {
	res, err := s.eng.query(ctx, "SELECT shard_num, host_name, port FROM system.clusters WHERE cluster = "+
		quoteString(s.loc.Cluster)+" ORDER BY shard_num, replica_num")
	if err != nil {
		return nil, fmt.Errorf("listing the nodes of cluster %s: %w", s.loc.Cluster, err)
	}
	var shards [][]string
	last := uint64(0)
	for _, r := range res.Rows {
		shard, addr := r[0].(uint64), net.JoinHostPort(r[1].(string), strconv.FormatUint(r[2].(uint64), 10)) // unsigned ints arrive as uint64 (fromDriver)
		if shard != last || len(shards) == 0 {
			shards = append(shards, nil)
			last = shard
		}
		shards[len(shards)-1] = append(shards[len(shards)-1], addr)
	}
	if len(shards) == 0 {
		return nil, fmt.Errorf("cluster %s has no nodes in the server's remote_servers", s.loc.Cluster)
	}
	return shards, nil
}

// dialNode connects to one node of the cluster, with the store's user.
func (s *Store) dialNode(ctx context.Context, addr string) (*server, error) {
	loc := s.loc
	loc.Addr = addr
	return dialServer(ctx, loc, s.loc.Database)
}

// dialFirst connects to the first of a shard's replicas that answers.
func (s *Store) dialFirst(ctx context.Context, replicas []string) (*server, error) {
	var errs []string
	for _, addr := range replicas {
		node, err := s.dialNode(ctx, addr)
		if err == nil {
			return node, nil
		}
		errs = append(errs, err.Error())
	}
	return nil, fmt.Errorf("no replica of a shard of cluster %s answers: %s", s.loc.Cluster, strings.Join(errs, "; "))
}

// dropClusterTable drops table and its local table on every node.
func (s *Store) dropClusterTable(ctx context.Context, table string) error {
	for _, t := range []string{table, localTable(table)} {
		if err := s.eng.exec(ctx, "DROP TABLE IF EXISTS "+s.loc.Database+"."+t+" ON CLUSTER "+s.loc.Cluster); err != nil {
			return fmt.Errorf("dropping %s on cluster %s: %w", t, s.loc.Cluster, err)
		}
	}
	return nil
}

// pauseClusterMerges stops the merges of table's local table on every
// node (a merge of replaced rows changes the count a backup checks); the
// function returned starts them again.
func (s *Store) pauseClusterMerges(ctx context.Context, table string) (func(), error) {
	shards, err := s.shardNodes(ctx)
	if err != nil {
		return nil, err
	}
	var paused []*server
	resume := func() {
		for _, n := range paused {
			_ = n.exec(context.WithoutCancel(ctx), "SYSTEM START MERGES "+s.loc.Database+"."+localTable(table))
			_ = n.close()
		}
	}
	for _, replicas := range shards {
		for _, addr := range replicas {
			node, err := s.dialNode(ctx, addr)
			if err == nil {
				err = node.exec(ctx, "SYSTEM STOP MERGES "+s.loc.Database+"."+localTable(table))
				paused = append(paused, node)
			}
			if err != nil {
				resume()
				return nil, fmt.Errorf("pausing merges of %s: %w", localTable(table), err)
			}
		}
	}
	return resume, nil
}
