ALTER TABLE "incidents" DROP CONSTRAINT "incidents_dataset_id_crime_datasets_id_fk";
--> statement-breakpoint
ALTER TABLE "incidents" DROP CONSTRAINT "incidents_line_code_crime_lines_code_fk";
--> statement-breakpoint
-- The same integrity as the two foreign keys, checked once per statement over all its rows: an import
-- writes tens of thousands of incidents per statement, and a row-level check per incident took a third
-- of its time.
CREATE FUNCTION incidents_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing text;
BEGIN
  SELECT n.dataset_id INTO missing FROM changed_rows n
    WHERE NOT EXISTS (SELECT 1 FROM crime_datasets d WHERE d.id = n.dataset_id) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'insert or update on table "incidents" violates its reference to crime_datasets'
      USING ERRCODE = 'foreign_key_violation', DETAIL = format('Key (dataset_id)=(%s) is not present in table "crime_datasets".', missing);
  END IF;
  SELECT n.line_code INTO missing FROM changed_rows n
    WHERE n.line_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM crime_lines l WHERE l.code = n.line_code) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'insert or update on table "incidents" violates its reference to crime_lines'
      USING ERRCODE = 'foreign_key_violation', DETAIL = format('Key (line_code)=(%s) is not present in table "crime_lines".', missing);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER incidents_references_on_insert AFTER INSERT ON incidents
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION incidents_check_references();
--> statement-breakpoint
CREATE TRIGGER incidents_references_on_update AFTER UPDATE ON incidents
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION incidents_check_references();
--> statement-breakpoint
-- What ON DELETE CASCADE did: a dataset's incidents go with it.
CREATE FUNCTION crime_datasets_delete_incidents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM incidents i USING removed_rows r WHERE i.dataset_id = r.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER crime_datasets_delete_incidents AFTER DELETE ON crime_datasets
  REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION crime_datasets_delete_incidents();
--> statement-breakpoint
-- What the foreign keys' NO ACTION did on the referenced side: a dataset id or line code in use stays.
CREATE FUNCTION crime_references_keep_used() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Separate IF blocks: each reads a column only its own table has.
  IF TG_TABLE_NAME = 'crime_datasets' THEN
    IF EXISTS (SELECT 1 FROM incidents WHERE dataset_id = OLD.id) THEN
      RAISE EXCEPTION 'crime_datasets.id % is referenced from table "incidents"', OLD.id USING ERRCODE = 'foreign_key_violation';
    END IF;
  ELSIF TG_OP = 'DELETE' OR OLD.code IS DISTINCT FROM NEW.code THEN
    IF EXISTS (SELECT 1 FROM incidents WHERE line_code = OLD.code) THEN
      RAISE EXCEPTION 'crime_lines.code % is referenced from table "incidents"', OLD.code USING ERRCODE = 'foreign_key_violation';
    END IF;
  END IF;
  RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER crime_datasets_keep_used BEFORE UPDATE OF id ON crime_datasets
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION crime_references_keep_used();
--> statement-breakpoint
CREATE TRIGGER crime_lines_keep_used BEFORE UPDATE OF code OR DELETE ON crime_lines
  FOR EACH ROW EXECUTE FUNCTION crime_references_keep_used();
