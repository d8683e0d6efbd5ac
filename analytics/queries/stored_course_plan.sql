-- The course plan stored at the last refresh (set @version), in plan order.
SELECT month, course_id, course_title, language, sessions, accounts, account_names, attendees, reason, benefit
FROM course_plan
WHERE version = @version
ORDER BY position
