"""Québec's Law 25 duties in the software: retention, a person's file, consents per
purpose, requests and confidentiality-incident registers, the audit trail, the notice."""
