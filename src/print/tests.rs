// Native tests of the document model (filled in below).
