import { useState } from 'react';
import type { GridEntity } from '../../../../common/schemas/vocabulary.js';
import {
  type ImportMapping,
  type ImportOptions,
  type ImportOutput,
  useCheckImport,
  useCommitImport,
  useUploadImport,
} from '../../api/use-imports.js';
import { carryOver, missingRequired } from './import-targets.js';

export type WizardStep = 'upload' | 'mapping' | 'check' | 'done';
export const STEPS: WizardStep[] = ['upload', 'mapping', 'check', 'done'];

const DEFAULT_OPTIONS: ImportOptions = {
  createPartners: false,
  createCategories: false,
  dateFormat: 'auto',
  applyDefaultReminders: true,
};

/** Upload → mapping → dry run → commit; a new file keeps the mapping chosen so far. */
export function useImportWizard(entity: GridEntity) {
  const [step, setStep] = useState<WizardStep>('upload');
  const [upload, setUpload] = useState<ImportOutput | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [options, setOptions] = useState<ImportOptions>(DEFAULT_OPTIONS);
  const [checked, setChecked] = useState<ImportOutput | null>(null);
  // Both are answers to one dry run: a new check asks them again.
  const [ignoredConfirmed, setIgnoredConfirmed] = useState(false);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [done, setDone] = useState<ImportOutput | null>(null);
  const uploader = useUploadImport();
  const checker = useCheckImport();
  const committer = useCommitImport();

  const check = (id: string, next: ImportMapping) => {
    committer.reset();
    checker.mutate(
      { id, mapping: next, options },
      {
        onSuccess: (result) => {
          setChecked(result);
          setIgnoredConfirmed(false);
          setSkipInvalid(false);
          setStep('check');
        },
        onError: () => setStep('mapping'),
      },
    );
  };

  const sendFile = (file: File) => {
    checker.reset();
    committer.reset();
    uploader.mutate(
      { entity, file },
      {
        onSuccess: (uploaded) => {
          const next = upload
            ? carryOver(mapping, uploaded.headers, uploaded.suggestedMapping)
            : uploaded.suggestedMapping;
          setUpload(uploaded);
          setMapping(next);
          setChecked(null);
          // A fixed file uploaded after a dry run is checked straight away with the same mapping.
          if (step === 'check' && missingRequired(entity, next).length === 0) check(uploaded.id, next);
          else setStep('mapping');
        },
      },
    );
  };

  const commit = () => {
    if (!checked) return;
    committer.mutate(
      {
        id: checked.id,
        mapping,
        ignoredColumns: ignoredConfirmed ? (checked.summary?.ignoredColumns.map((c) => c.column) ?? []) : [],
        skipInvalidRows: skipInvalid && (checked.errorCount ?? 0) > 0,
      },
      {
        onSuccess: (result) => {
          setDone(result);
          setStep('done');
        },
      },
    );
  };

  const reset = () => {
    for (const m of [uploader, checker, committer]) m.reset();
    setUpload(null);
    setMapping({});
    setOptions(DEFAULT_OPTIONS);
    setChecked(null);
    setDone(null);
    setStep('upload');
  };

  return {
    step,
    upload,
    mapping,
    options,
    checked,
    done,
    ignoredConfirmed,
    skipInvalid,
    setIgnoredConfirmed,
    setSkipInvalid,
    uploader,
    checker,
    committer,
    setMapping,
    setOptions,
    sendFile,
    check: () => upload && check(upload.id, mapping),
    commit,
    back: () => setStep('mapping'),
    reset,
  };
}
