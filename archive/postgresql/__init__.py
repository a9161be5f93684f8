"""Django's PostgreSQL backend, refusing new connections while the server is known frozen."""
