import { Stack, Stepper } from '@mantine/core';
import { useSearchParams } from 'react-router';
import type { GridEntity } from '../../../../common/schemas/vocabulary.js';
import { meCan } from '../../api/abilities.js';
import { useCustomFields } from '../../api/use-classification.js';
import { useCurrentMe } from '../../api/use-me.js';
import { BackLink } from '../../components/back-link.js';
import { PageHeader } from '../../components/page-header.js';
import { NoAccess } from '../../components/states.js';
import { useT } from '../../i18n/i18n-context.js';
import { CheckStep } from './check-step.js';
import { DoneStep } from './done-step.js';
import { MappingStep } from './mapping-step.js';
import { UploadStep } from './upload-step.js';
import { STEPS, useImportWizard } from './use-import-wizard.js';

/** /imports/new?entity=contract|partner */
export function ImportPage() {
  const me = useCurrentMe();
  const [params, setParams] = useSearchParams();
  const allowed: GridEntity[] = [];
  if (meCan(me, 'createContracts')) allowed.push('contract');
  if (meCan(me, 'editPartners')) allowed.push('partner');
  const asked = params.get('entity');
  const entity = allowed.find((e) => e === asked) ?? allowed[0];
  if (!entity) return <NoAccess />;
  const choose = (next: GridEntity) => setParams({ entity: next }, { replace: true });
  // A new entity starts a new wizard: the key drops the state of the other one.
  return <ImportWizard key={entity} entity={entity} entities={allowed} onEntity={choose} />;
}

type Props = { entity: GridEntity; entities: GridEntity[]; onEntity: (entity: GridEntity) => void };

function ImportWizard({ entity, entities, onEntity }: Props) {
  const t = useT();
  const wizard = useImportWizard(entity);
  const fields = useCustomFields(entity).data ?? [];
  const { step, upload, checked, done, uploader, checker, committer } = wizard;
  const back = entity === 'contract' ? '/contracts' : '/partners';
  return (
    <Stack gap="md">
      <BackLink to={back}>{t(`imports.entity.${entity}`)}</BackLink>
      <PageHeader
        title={`${t('imports.title')}: ${t(`imports.entity.${entity}`)}`}
        description={t('imports.description')}
        mb={0}
      />
      <Stepper active={step === 'done' ? STEPS.length : STEPS.indexOf(step)} size="sm" allowNextStepsSelect={false}>
        {STEPS.map((s) => (
          <Stepper.Step key={s} label={t(`imports.step.${s}`)} allowStepSelect={false} />
        ))}
      </Stepper>
      {step === 'upload' && (
        <UploadStep
          entity={entity}
          entities={entities}
          onEntity={onEntity}
          loading={uploader.isPending}
          error={uploader.error}
          onFile={wizard.sendFile}
        />
      )}
      {step === 'mapping' && upload && (
        <MappingStep
          upload={upload}
          fields={fields}
          mapping={wizard.mapping}
          options={wizard.options}
          onMapping={wizard.setMapping}
          onOptions={wizard.setOptions}
          checking={checker.isPending}
          uploading={uploader.isPending}
          error={uploader.error ?? checker.error}
          onCheck={wizard.check}
          onFile={wizard.sendFile}
        />
      )}
      {step === 'check' && checked && (
        <CheckStep
          checked={checked}
          fields={fields}
          ignoredConfirmed={wizard.ignoredConfirmed}
          onIgnoredConfirmed={wizard.setIgnoredConfirmed}
          skipInvalid={wizard.skipInvalid}
          onSkipInvalid={wizard.setSkipInvalid}
          uploading={uploader.isPending || checker.isPending}
          committing={committer.isPending}
          error={uploader.error ?? committer.error}
          onFile={wizard.sendFile}
          onBack={wizard.back}
          onCommit={wizard.commit}
        />
      )}
      {step === 'done' && done && <DoneStep done={done} fields={fields} onAgain={wizard.reset} />}
    </Stack>
  );
}
