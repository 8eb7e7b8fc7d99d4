"""Floor screens (issue 3): quick contact entry, Today, contacts, people, supplies."""
