package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/analytics/courses"
)

// ruleFlags are the analytics thresholds a command accepts; config file
// keys and UPTAKE_* variables use the same names.
type ruleFlags struct {
	red, amber, declinePoints, nearCap, unused, upgradeFactor, highHowTo, confidence *float64
	declineWeeks, impactWeeks, minSeats                                              *int
	slaResponse, slaResolution, catalogue                                            *string
}

func addRuleFlags(fs *flag.FlagSet) *ruleFlags {
	d := analytics.Defaults()
	return &ruleFlags{
		red:           fs.Float64("red", d.Red, "low adoption: usage % at or below this is red"),
		amber:         fs.Float64("amber", d.Amber, "low adoption: usage % at or below this is amber"),
		declinePoints: fs.Float64("decline-points", d.DeclinePoints, "a fall in usage % of at least this many points (with a falling trend) is red"),
		declineWeeks:  fs.Int("decline-weeks", d.DeclineWeeks, "the weeks over which a fall in usage is measured"),
		minSeats:      fs.Int("min-seats", d.MinSeats, "workloads with fewer seats purchased are not flagged"),
		nearCap:       fs.Float64("near-cap", d.NearCap, "upsell: seats assigned ÷ purchased at or above this suggests adding seats"),
		unused:        fs.Float64("unused", d.Unused, "upsell: usage % below this marks a workload bought but unused"),
		upgradeFactor: fs.Float64("upgrade-factor", d.UpgradeFactor, "upsell: actions per active user at least this many times the median suggests a higher plan"),
		highHowTo:     fs.Float64("high-howto", d.HighHowTo, "how-to tickets per 100 seats a month at or above this suggests training"),
		impactWeeks:   fs.Int("impact-weeks", d.ImpactWeeks, "training impact: weeks compared before and after a course"),
		confidence:    fs.Float64("confidence", d.Confidence, "confidence of intervals and tests, e.g. 0.95"),
		slaResponse:   fs.String("sla-response", targetText(d.ResponseTargets, d.DefaultResponse), "first-response targets in minutes per priority, e.g. urgent=30,high=60,*=240"),
		slaResolution: fs.String("sla-resolution", targetText(d.ResolutionTargets, d.DefaultResolution), "resolution targets in minutes per priority, e.g. urgent=240,*=1440"),
		catalogue:     fs.String("catalogue", "", "course catalogue `file` (.yaml, .yml or .csv); default: the built-in English/French catalogue"),
	}
}

// resolve builds the rules and the catalogue, with errors that name the flag.
func (f *ruleFlags) resolve() (analytics.Rules, []courses.Course, error) {
	r := analytics.Defaults()
	if f == nil {
		return r, courses.Default(), nil
	}
	r.Red, r.Amber, r.DeclinePoints, r.DeclineWeeks, r.MinSeats = *f.red, *f.amber, *f.declinePoints, *f.declineWeeks, *f.minSeats
	r.NearCap, r.Unused, r.UpgradeFactor, r.HighHowTo = *f.nearCap, *f.unused, *f.upgradeFactor, *f.highHowTo
	r.ImpactWeeks, r.Confidence = *f.impactWeeks, *f.confidence
	var err error
	if r.ResponseTargets, r.DefaultResponse, err = parseTargets(*f.slaResponse, r.DefaultResponse); err != nil {
		return r, nil, fmt.Errorf("--sla-response: %w", err)
	}
	if r.ResolutionTargets, r.DefaultResolution, err = parseTargets(*f.slaResolution, r.DefaultResolution); err != nil {
		return r, nil, fmt.Errorf("--sla-resolution: %w", err)
	}
	if err := r.Validate(); err != nil {
		return r, nil, err
	}
	cat := courses.Default()
	if *f.catalogue != "" {
		file, err := os.Open(*f.catalogue)
		if err != nil {
			return r, nil, fmt.Errorf("--catalogue: %w", err)
		}
		defer file.Close()
		own, err := courses.Parse(file, filepath.Base(*f.catalogue))
		if err != nil {
			return r, nil, fmt.Errorf("--catalogue: %w", err)
		}
		cat = own
	}
	return r, cat, nil
}

// parseTargets reads "urgent=30,high=60,*=240".
func parseTargets(text string, def float64) (map[string]float64, float64, error) {
	out := map[string]float64{}
	for _, part := range strings.Split(text, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		m, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if !ok || err != nil || m <= 0 {
			return nil, 0, fmt.Errorf("%q is not PRIORITY=MINUTES (e.g. urgent=30); minutes must be a positive number", part)
		}
		if k = strings.ToLower(strings.TrimSpace(k)); k == "*" {
			def = m
		} else {
			out[k] = m
		}
	}
	return out, def, nil
}

func targetText(t map[string]float64, def float64) string {
	var parts []string
	for _, p := range []string{"urgent", "high", "normal", "low"} {
		if m, ok := t[p]; ok {
			parts = append(parts, fmt.Sprintf("%s=%g", p, m))
		}
	}
	return strings.Join(append(parts, fmt.Sprintf("*=%g", def)), ",")
}
