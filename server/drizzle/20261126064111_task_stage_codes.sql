-- A task's stage becomes a code and figures the pages translate; a stage written as English text
-- before keeps its words as the code (the pages show an unknown code as it is).
ALTER TABLE "tasks" ALTER COLUMN "stage" SET DATA TYPE jsonb
  USING CASE WHEN "stage" IS NULL THEN NULL ELSE jsonb_build_object('code', "stage", 'params', '{}'::jsonb) END;
