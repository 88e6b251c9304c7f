CREATE TABLE "media_uploads" (
	"file_key" text PRIMARY KEY NOT NULL,
	"attachment_id" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
