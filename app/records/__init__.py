"""What a shared record is made of: each entity's fields, declared once (schema.py)."""
