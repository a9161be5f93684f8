# The archive's production image: the app under gunicorn, static files served by whitenoise.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY archive ./archive
COPY resolutions ./resolutions
RUN pip install --no-cache-dir .
COPY . .
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --no-input

RUN useradd --create-home archive && mkdir -p /app/media && chown archive /app/media
USER archive
EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --no-input && gunicorn archive.wsgi --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY:-3} --access-logfile -"]
