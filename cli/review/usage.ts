export const USAGE = `usage: pulumi-metronome review [file] [options]

Summarizes the Metronome commit and credit changes in \`pulumi preview --json\`
output as money: per commit or credit the action, customer, product, amount,
access window and (commits) invoices; what a replacement or removal does to
the old one; and the net change per customer and currency, in committed value
(commits) and in credited value (credits) apart. Reads the file, or stdin
when no file (or "-") is given.

  pulumi preview --json > plan.json && pulumi-metronome review plan.json
  pulumi preview --json | pulumi-metronome review --fail-on replace,delete

options:
  --format markdown|json   output format (default: markdown, for a PR comment)
  --fail-on <actions>      exit 3 when the plan does any of these to a commit or a
                           credit (comma-separated):
                           create, adopt, edit, replace, delete (= archive,
                           endAccess or forget), archive, endAccess, forget
  --max-change <amount>    exit 3 when a customer's (or all customers') net change
                           in committed value, or in credited value, exceeds this
                           many currency units in any currency, e.g. 10000 or
                           10000.50 (dollars for USD); a change that includes
                           unknown or secret amounts fails too
  --credit-types <file>    names for credit types other than USD (cents):
                           {"<id>": {"name": "GBP", "cents": true, "symbol": "£"}},
                           or the JSON Metronome's /v1/credit-types/list returns
  --as-of <timestamp>      when the plan will be applied, for onDelete "endAccess"
                           estimates (default: now), e.g. 2027-03-01T00:00:00Z
  -h, --help               show this help

exit codes: 0 reviewed (gate passed), 1 unreadable input, 2 usage error,
            3 the gate requires approval (the reasons go to stderr)
`;
