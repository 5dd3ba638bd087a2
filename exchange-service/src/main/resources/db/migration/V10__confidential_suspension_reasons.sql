-- Issue 15: a programme suspended because its agreement left force used to record "Agreement <code> is <status>",
-- which shows a confidential agreement's code and status to the programme's institutions (who need not be its parties).
-- New suspensions say only that the agreement is no longer in force; this rewrites the ones recorded before.
UPDATE program p
   SET suspension_reason = 'The agreement is no longer in force'
  FROM agreement_projection a
 WHERE a.agreement_id = p.agreement_id
   AND a.visibility = 'CONFIDENTIAL'
   AND p.suspended_by_agreement
   AND p.suspension_reason LIKE 'Agreement %';
