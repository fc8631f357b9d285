// html-validate's settings for TestHTMLValid (generator/e2e/validate_test.go):
// the recommended rule set, the strictest html-validate ships, with only the
// changes below, each for a reason.
module.exports = {
  root: true,
  extends: ["html-validate:recommended"],
  rules: {
    // Style of the markup's source, not its meaning: the layouts indent
    // template blocks and leave spaces at some line ends, which no browser,
    // reader or validator of HTML sees. Removing them would change the bytes
    // of every page for nothing.
    "no-trailing-whitespace": "off",
    // <!doctype html> in lower case is the same doctype (HTML is case-
    // insensitive here; the WHATWG standard writes it so in its examples):
    // the rule asks for upper case only as a matter of taste.
    "doctype-style": "off",
    // Clause anchors such as social-work-talent-3.4 are published addresses
    // (DESIGN.md: "they never move") and valid HTML ids, which may hold any
    // character but spaces; the rule's default also forbids the ".". Relaxed,
    // it still fails an empty id or one with a space.
    "valid-id": ["error", { relaxed: true }],
  },
};
