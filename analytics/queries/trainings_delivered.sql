-- Every training delivered, with the workload and title of its course
-- (empty when the course is not in the catalogue table).
SELECT t.account_id AS account_id, t.training_id AS training_id, t.course_id AS course_id, t.delivered_on AS delivered_on,
       t.attendees AS attendees, t.language AS language, c.workload AS workload, c.title AS title
FROM (SELECT account_id, training_id, course_id, delivered_on, attendees, language FROM trainings FINAL) AS t
ANY LEFT JOIN (SELECT course_id, workload, title FROM courses FINAL) AS c USING (course_id)
ORDER BY delivered_on, account_id, training_id
