# The archive's production image: the app under gunicorn, static files served by whitenoise;
# the same image runs the upload worker (`python manage.py procrastinate worker`, docker-compose.yml).

# The dependencies exactly as uv.lock pins them, without the dev and local extras (no test tools,
# no embedded PostgreSQL: production has its own server), in a virtual environment of their own.
FROM python:3.11-slim AS dependencies
ENV UV_PROJECT_ENVIRONMENT=/opt/venv UV_PYTHON_DOWNLOADS=never UV_LINK_MODE=copy
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN UV_VERSION="$(sed -n '/^name = "uv"$/{n;s/^version = "\(.*\)"$/\1/p;}' uv.lock)" \
    && pip install --no-cache-dir "uv==${UV_VERSION}" \
    && uv sync --locked --no-install-project --no-cache

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH=/opt/venv/bin:$PATH
WORKDIR /app
COPY --from=dependencies /opt/venv /opt/venv
# The code runs from /app (manage.py and gunicorn put it first on the import path).
COPY . .
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --no-input

RUN useradd --create-home archive && mkdir -p /app/media && chown archive /app/media
USER archive
EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --no-input && gunicorn archive.wsgi --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY:-3} --access-logfile -"]
