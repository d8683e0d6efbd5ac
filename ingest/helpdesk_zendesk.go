package ingest

import (
	"bufio"
	"fmt"
)

// Zendesk tickets (Tickets API, incremental export) as JSON:
//
//	zendesk-json   {"tickets": [ … ], "end_time": …, "next_page": …} (or a bare array)
//	zendesk-jsonl  one ticket object per line
//
// Field mapping:
//
//	account_id              organization_id (--account when null)
//	ticket_id               id
//	created_at, updated_at  created_at, updated_at
//	channel                 via.channel (channelName)
//	category                the first tag naming a known category, else type
//	                        (question → howto; incident, problem, task → inferred)
//	priority, status        priority, status (priorityName, statusName)
//	subject, body           subject (raw_subject when empty), description
//	first_response_minutes  reply_time_in_minutes, when the record carries
//	resolution_minutes      full_resolution_time_in_minutes ticket metrics
//	                        (in metric_set, metrics or the ticket itself;
//	                        the calendar figure when both are given). Metrics
//	                        sideloaded as a separate top-level list are not read.
//	satisfaction            satisfaction_rating.score (zendeskSatisfaction)
//	escalated_to_vendor     an escalation tag (escalationTag)

// zendeskKeys are ticket keys Zendesk uses and Freshdesk does not; the keys
// both share (id, subject, requester_id…) prove nothing.
func zendeskKeys() []string {
	return []string{"via", "organization_id", "satisfaction_rating", "raw_subject", "submitter_id", "brand_id",
		"has_incidents", "allow_channelback", "ticket_form_id", "collaborator_ids", "generated_timestamp"}
}

// isZendeskRecord needs more Zendesk-only keys than Freshdesk-only ones, so
// a Freshdesk record carrying a satisfaction_rating is not taken for Zendesk.
func isZendeskRecord(keys map[string]bool) bool {
	z := vendorScore(keys, zendeskKeys()...)
	return z >= minVendorKeys && z > vendorScore(keys, freshdeskKeys()...)
}

func detectZendeskJSON(head []byte) bool {
	shape, keys := sniffJSON(head)
	return (shape == shapeWrapped || shape == shapeArray) && isZendeskRecord(keys)
}

func detectZendeskJSONL(head []byte) bool {
	shape, keys := sniffJSON(head)
	return shape == shapeLines && isZendeskRecord(keys)
}

func openZendeskJSON(br *bufio.Reader, opt Options) (source, error) {
	return openZendesk(br, opt, "zendesk-json", false)
}

func openZendeskJSONL(br *bufio.Reader, opt Options) (source, error) {
	return openZendesk(br, opt, "zendesk-jsonl", true)
}

func openZendesk(br *bufio.Reader, opt Options, name string, lines bool) (source, error) {
	e, err := ticketsOnly(name, opt)
	if err != nil {
		return nil, err
	}
	var records jsonRecords = &jsonLineRecords{br: br}
	if !lines {
		if records, err = openJSONArrayRecords(br); err != nil {
			return nil, fmt.Errorf("reading the Zendesk export: %w", err)
		}
	}
	return newJSONTicketSource(records, e, func(obj map[string]any) (ticket, *fieldError) { return zendeskTicket(obj, opt) }), nil
}

// zendeskTicket translates one Zendesk ticket object.
func zendeskTicket(obj map[string]any, opt Options) (ticket, *fieldError) {
	tags := jsonStrings(obj["tags"])
	t := ticket{
		account:   accountOr(jsonPath(obj, "organization_id"), opt),
		id:        jsonPath(obj, "id"),
		created:   jsonPath(obj, "created_at"),
		updated:   jsonPath(obj, "updated_at"),
		channel:   channelName(jsonPath(obj, "via", "channel")),
		priority:  priorityName(jsonPath(obj, "priority")),
		status:    statusName(jsonPath(obj, "status")),
		subject:   jsonPath(obj, "subject"),
		body:      jsonPath(obj, "description"),
		escalated: escalationTag(tags),
	}
	if t.subject == "" {
		t.subject = jsonPath(obj, "raw_subject")
	}
	if t.category = tagCategory(tags); t.category == "" {
		t.category = vendorCategory(jsonPath(obj, "type"))
	}
	t.firstResponse = zendeskMetric(obj, "reply_time_in_minutes")
	t.resolution = zendeskMetric(obj, "full_resolution_time_in_minutes")
	var ferr *fieldError
	t.satisfaction, ferr = zendeskSatisfaction(jsonPath(obj, "satisfaction_rating", "score"))
	return t, ferr
}

// zendeskMetric finds a ticket metric, a number or {"calendar": n,
// "business": n}, wherever exports put it.
func zendeskMetric(obj map[string]any, name string) string {
	for _, parent := range []string{"metric_set", "metrics", ""} {
		holder := obj
		if parent != "" {
			holder, _ = obj[parent].(map[string]any)
		}
		switch v := holder[name].(type) {
		case nil:
			continue
		case map[string]any:
			if s := jsonText(v["calendar"]); s != "" {
				return s
			}
			return jsonText(v["business"])
		default:
			return jsonText(v)
		}
	}
	return ""
}
