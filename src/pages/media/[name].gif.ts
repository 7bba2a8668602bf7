import { getPosts } from '../../features/content/posts';
import { mediaPaths, serveMedia } from '../../features/media-route/media-route';

export const getStaticPaths = async () => mediaPaths('gif', await getPosts());
export const GET = serveMedia;
