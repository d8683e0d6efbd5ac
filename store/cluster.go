package store

import (
	"fmt"
	"regexp"
	"strings"
	"text/template"
)

// Layout decides how the migrations' DDL is written. The zero Layout is one
// server or chDB. A cluster Layout (Cluster set) writes, for each table T:
//
//   - T_local on every node, ON CLUSTER, with the Replicated form of T's
//     engine (replicas of a shard share '/clickhouse/tables/{shard}/DB/T_local');
//   - T, a Distributed table over T_local, sharded by the hash of
//     account_id when T's sort key has it (else its first sort column), so
//     all versions of a row meet on one shard and ReplacingMergeTree can
//     merge them.
//
// Queries and inserts name T, so they go through the Distributed tables
// unchanged. ALTERs are applied to both.
type Layout struct {
	Cluster  string // the cluster's name in the servers' remote_servers
	Database string // the database, for the replication paths
}

// NewLayout checks the names a cluster layout writes into DDL.
func NewLayout(cluster, database string) (Layout, error) {
	if cluster != "" && !validIdentifier(cluster) {
		return Layout{}, fmt.Errorf("cluster name %q may hold only letters, digits and underscores", cluster)
	}
	if !validIdentifier(database) {
		return Layout{}, fmt.Errorf("database name %q may hold only letters, digits and underscores", database)
	}
	return Layout{Cluster: cluster, Database: database}, nil
}

// tablePlaceholder stands for the local table's name in a replication path
// until distribute knows it.
const tablePlaceholder = "@@table@@"

func (l Layout) funcs() template.FuncMap {
	if l.Cluster == "" {
		return template.FuncMap{
			"on_cluster": func() string { return "" },
			"engine":     func(e string) string { return e },
		}
	}
	return template.FuncMap{
		"on_cluster": func() string { return "ON CLUSTER " + l.Cluster },
		"engine":     l.replicated,
	}
}

// replicated turns "ReplacingMergeTree(version)" into
// "ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/DB/@@table@@', '{replica}', version)".
func (l Layout) replicated(engine string) string {
	name, args, _ := strings.Cut(strings.TrimSuffix(engine, ")"), "(")
	params := fmt.Sprintf("'/clickhouse/tables/{shard}/%s/%s', '{replica}'", l.Database, tablePlaceholder)
	if args != "" {
		params += ", " + args
	}
	return "Replicated" + name + "(" + params + ")"
}

var (
	createTable = regexp.MustCompile(`^CREATE TABLE IF NOT EXISTS (\w+) ON CLUSTER \w+`)
	alterTable  = regexp.MustCompile(`^ALTER TABLE (\w+) ON CLUSTER \w+`)
	sortKey     = regexp.MustCompile(`(?m)^ORDER BY \(?([^)\n;]+)\)?`)
)

// distribute rewrites a migration's statements for a cluster layout (see
// Layout); without a cluster it returns them as they are.
func (l Layout) distribute(stmts []string) []string {
	if l.Cluster == "" {
		return stmts
	}
	var out []string
	for _, st := range stmts {
		st = strings.TrimSpace(st)
		if m := createTable.FindStringSubmatch(st); m != nil {
			local := m[1] + "_local"
			out = append(out,
				strings.ReplaceAll(strings.Replace(st, "EXISTS "+m[1]+" ", "EXISTS "+local+" ", 1), tablePlaceholder, local),
				fmt.Sprintf("CREATE TABLE IF NOT EXISTS %s ON CLUSTER %s AS %s\nENGINE = Distributed(%s, %s, %s, cityHash64(%s))",
					m[1], l.Cluster, local, l.Cluster, l.Database, local, shardColumn(st)))
			continue
		}
		if m := alterTable.FindStringSubmatch(st); m != nil {
			out = append(out, strings.Replace(st, "ALTER TABLE "+m[1]+" ", "ALTER TABLE "+m[1]+"_local ", 1), st)
			continue
		}
		out = append(out, st)
	}
	return out
}

// shardColumn picks the sharding column from a CREATE TABLE's sort key:
// account_id when the key has it, else the key's first column.
func shardColumn(create string) string {
	m := sortKey.FindStringSubmatch(create)
	if m == nil {
		return "rand()"
	}
	cols := strings.Split(m[1], ",")
	for _, c := range cols {
		if strings.TrimSpace(c) == "account_id" {
			return "account_id"
		}
	}
	return strings.TrimSpace(cols[0])
}
