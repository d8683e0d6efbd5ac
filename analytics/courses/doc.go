// Package courses owns Uptake's training course catalogue and what is done
// with it without a database: reading and validating catalogue files (YAML or
// CSV), the default catalogue shipped with Uptake, matching customers' needs
// (recurring how-to themes, low adoption) to courses, and turning the
// resulting recommendations into a month-by-month session plan for trainers.
//
// Everything here is pure and deterministic: the same catalogue and needs
// always give the same recommendations and plan, whatever their input order.
package courses
