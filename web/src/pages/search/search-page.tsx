import { Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconEye, IconFileSearch, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { SEARCH_QUERY_MAX } from '../../../../common/schemas/documents.js';
import { type SearchHit, useSearch } from '../../api/use-search.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyBox, ErrorState, TableSkeleton } from '../../components/states.js';
import { ownSubmit } from '../../forms/own-submit.js';
import { useT } from '../../i18n/i18n-context.js';
import { hitPath, pagePath } from './search-paths.js';
import { SnippetText } from './snippet-text.js';

/** The API's most results at once. */
const LIMIT = 50;

/** /search?q=: every contract and document the query finds, with their excerpts and pages. */
export function SearchPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const submit = () => {
    if (draft.trim()) setParams({ q: draft.trim() });
  };
  return (
    <Stack gap="lg">
      <PageHeader title={q ? t('search.titleFor', { q }) : t('search.title')} description={t('search.intro')} mb={0} />
      <form onSubmit={ownSubmit(submit)}>
        <Group gap="sm" wrap="nowrap" align="flex-end">
          <TextInput
            type="search"
            aria-label={t('search.label')}
            placeholder={t('search.placeholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={draft}
            maxLength={SEARCH_QUERY_MAX}
            autoFocus={!q}
            onChange={(event) => setDraft(event.currentTarget.value)}
            style={{ flex: 1, maxWidth: 560 }}
          />
          <Button type="submit">{t('search.submit')}</Button>
        </Group>
      </form>
      {q ? (
        <Results q={q} />
      ) : (
        <EmptyBox icon={<IconFileSearch />} title={t('search.startTitle')} description={t('search.startText')} />
      )}
    </Stack>
  );
}

function Results({ q }: { q: string }) {
  const t = useT();
  const results = useSearch(q, LIMIT);
  if (results.isPending || (results.isPlaceholderData && results.isFetching)) return <TableSkeleton rows={4} />;
  if (results.isError) return <ErrorState error={results.error} onRetry={() => void results.refetch()} />;
  if (results.data.length === 0) {
    return (
      <EmptyBox
        icon={<IconFileSearch />}
        title={t('search.nothingFoundFor', { q })}
        description={t('search.nothingFoundText')}
      />
    );
  }
  const contracts = results.data.filter((hit) => hit.kind === 'contract');
  const documents = results.data.filter((hit) => hit.kind === 'document');
  return (
    <Stack gap="xl">
      {contracts.length > 0 && <Section title={t('search.contracts')} hits={contracts} />}
      {documents.length > 0 && <Section title={t('search.documents')} hits={documents} />}
    </Stack>
  );
}

function Section({ title, hits }: { title: string; hits: SearchHit[] }) {
  return (
    <section aria-label={title}>
      <Group gap="xs" mb="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Badge variant="light" color="gray" size="sm">
          {hits.length}
        </Badge>
      </Group>
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {hits.map((hit) => (
          <HitCard key={`${hit.kind}-${hit.documentId ?? hit.contractId}`} hit={hit} />
        ))}
      </Stack>
    </section>
  );
}

function HitCard({ hit }: { hit: SearchHit }) {
  const t = useT();
  const isDocument = hit.kind === 'document';
  return (
    <Paper withBorder radius="md" p="sm" component="li" aria-label={hit.title}>
      <Stack gap={6}>
        <Anchor component={Link} to={hitPath(hit)} fw={600} className="break-anywhere">
          {hit.title}
        </Anchor>
        {isDocument && (
          <Text size="xs" c="dimmed" className="break-anywhere">
            {hit.contractTitle ? t('search.onContract', { title: hit.contractTitle }) : t('search.inInbox')}
          </Text>
        )}
        {hit.snippets.map((snippet, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: excerpts come in the server's order and never move
          <Group key={index} gap="sm" wrap="nowrap" align="flex-start" justify="space-between">
            <SnippetText snippet={snippet} style={{ flex: 1, minWidth: 0 }} />
            {isDocument && snippet.page !== null && (
              <Anchor
                component={Link}
                to={pagePath(hit, snippet.page)}
                size="sm"
                style={{ flex: 'none' }}
                aria-label={t('search.pageOf', { page: snippet.page, name: hit.title })}
              >
                {t('search.page', { page: snippet.page })}
              </Anchor>
            )}
          </Group>
        ))}
        {isDocument && (
          <Group>
            <Button
              component={Link}
              to={pagePath(hit, null)}
              size="compact-sm"
              variant="default"
              leftSection={<IconEye size={14} />}
              aria-label={t('search.previewNamed', { name: hit.title })}
            >
              {t('search.preview')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
